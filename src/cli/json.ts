// The CLI reads JSON with the core's reader, so a server and the browser say the same.
export { JsonSyntaxError, parseJson, parseJsonBytes } from '../input/json.js';
export { TextEncodingError } from '../input/decode.js';
