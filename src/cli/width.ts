export { displayWidth, isWide } from '../input/width.js';
