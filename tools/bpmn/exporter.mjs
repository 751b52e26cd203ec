// What the files in bpmn/ declare as their exporter: this folder's tools (normalize.mjs, add-join.mjs), at the
// version of package.json.
import { readFileSync } from 'node:fs';

export const EXPORTER = 'mcs-governance tools/bpmn/normalize.mjs';
export const EXPORTER_VERSION = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version;
