import type { IXmlableObject } from 'docx';

const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Escapes as docx does: the five entities, and control characters XML cannot hold dropped. */
function escape(value: unknown): string {
  return typeof value === 'string' ? value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ENTITIES[c] ?? '') : String(value);
}

function attributes(attrs: Record<string, unknown>): string {
  let out = '';
  for (const key in attrs) out += ` ${key}="${escape(attrs[key])}"`;
  return out;
}

const written = new WeakMap<IXmlableObject, string>();

/** The node, its XML written now and reused wherever it appears: shared properties appear in hundreds of runs. */
export function writtenOnce<T extends IXmlableObject | undefined>(node: T): T {
  if (node) written.set(node, xmlOf(node));
  return node;
}

/**
 * The XML of an object from a docx component's `prepForXml`, byte for byte as
 * docx's packer writes it unindented (docx does not export its writer).
 * `{ "w:b": {} }` is `<w:b/>`; an array holds attribute objects (`{ _attr }`),
 * child elements and text; a text item replaces the item before it, as in docx.
 */
export function xmlOf(node: IXmlableObject): string {
  const known = written.get(node);
  if (known !== undefined) return known;
  let name: string | undefined;
  for (const key in node) {
    name = key;
    break;
  }
  if (name === undefined) return '';
  const value: unknown = node[name];
  if (typeof value !== 'object') return `<${name}>${value === undefined ? '' : escape(value)}</${name}>`;
  if (value === null) return `<${name}/>`;
  if (!Array.isArray(value)) {
    const attrs = (value as { _attr?: Record<string, unknown> })._attr;
    return `<${name}${attrs ? attributes(attrs) : ''}/>`;
  }
  let attrs = '';
  // The content as docx lists it: empty strings stand for the start and end of a run of children.
  const content = [''];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) {
      content.pop();
      content.push(item === undefined ? '' : escape(item));
    } else if ('_attr' in item && Object.keys(item)[0] === '_attr') {
      attrs += attributes((item as { _attr: Record<string, unknown> })._attr);
    } else {
      content.push(xmlOf(item as IXmlableObject));
    }
  }
  return `<${name}${attrs}>${content.join('')}</${name}>`;
}
