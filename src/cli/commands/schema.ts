import { statsJsonSchema } from '../../node/index.js';
import { EXIT } from '../errors.js';
import { stdio, type Output } from '../output.js';

/** `zongjie schema`: the JSON Schema of stats.json, for editors and other tools. */
export function schemaCommand(output: Output = stdio): number {
  output.out(JSON.stringify(statsJsonSchema(), null, 2));
  return EXIT.ok;
}
