export { decodeText, TextEncodingError, type TextEncoding } from './decode.js';
export { JsonSyntaxError, parseJson, parseJsonBytes } from './json.js';
