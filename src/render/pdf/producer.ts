/** The Info dictionary's Producer: also how Node-side speed-ups tell our documents from a host's (src/node/fonts/pdfkit.ts). */
export const PRODUCER = 'zongjie (pdfmake)';
