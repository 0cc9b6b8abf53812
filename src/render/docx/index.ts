import type { LayoutProfile } from '../../layout/profile.js';
import type { Report } from '../../model/index.js';

export interface RenderDocxOptions {
  profile?: LayoutProfile;
}

export async function renderDocx(_report: Report, _options: RenderDocxOptions = {}): Promise<Uint8Array> {
  throw new Error('renderDocx: not implemented yet');
}
