#!/usr/bin/env node
// Reads every BPMN file named (default: ../../bpmn/*.bpmn) with bpmn-moddle + camunda-bpmn-moddle, the libraries
// bpmn-js and the Camunda Modeler save with, and writes it back as they write it (format: true). Sets the
// exporter to this script. Fails on anything moddle does not understand (it would be lost on the next save in the
// Modeler) and on a flow element or sequence flow without a shape or edge in the diagram (it would not show).
//
//   npm run normalize                      every file in bpmn/
//   npm run normalize -- path/to/x.bpmn    the files named
//   npm run normalize -- --check           changes nothing; exit 1 when a file is not as the normaliser writes it
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import { EXPORTER, EXPORTER_VERSION } from './exporter.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const camunda = JSON.parse(readFileSync(join(here, 'node_modules/camunda-bpmn-moddle/resources/camunda.json'), 'utf8'));

const args = process.argv.slice(2);
const check = args.includes('--check');
let files = args.filter(a => !a.startsWith('--'));
if (files.length === 0) {
  const dir = resolve(here, '../../bpmn');
  files = readdirSync(dir).filter(f => f.endsWith('.bpmn')).sort().map(f => join(dir, f));
}

/** The ids of the flow elements (recursively, sub-processes included) that need a shape or an edge. */
function drawable(container, out = []) {
  for (const e of container.flowElements || []) {
    if (e.$instanceOf('bpmn:DataObject')) continue; // drawn through its references
    out.push(e);
    if (e.flowElements) drawable(e, out);
  }
  for (const a of container.artifacts || []) out.push(a);
  for (const ls of container.laneSets || []) for (const l of ls.lanes || []) out.push(l);
  return out;
}

function missingDi(definitions) {
  const drawn = new Set();
  for (const d of definitions.diagrams || []) {
    for (const p of d.plane.planeElement || []) if (p.bpmnElement) drawn.add(p.bpmnElement.id);
  }
  const missing = [];
  for (const root of definitions.rootElements) {
    if (root.$instanceOf('bpmn:Process')) {
      for (const e of drawable(root)) if (!drawn.has(e.id)) missing.push(e.id);
    }
    if (root.$instanceOf('bpmn:Collaboration')) {
      for (const p of root.participants || []) if (!drawn.has(p.id)) missing.push(p.id);
      for (const m of root.messageFlows || []) if (!drawn.has(m.id)) missing.push(m.id);
    }
  }
  return missing;
}

let failed = false;
for (const file of files) {
  const xml = readFileSync(file, 'utf8');
  const moddle = new BpmnModdle({ camunda });
  const { rootElement: definitions, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  if (warnings.length) {
    failed = true;
    for (const w of warnings) console.error(`${file}: ${w.message}`);
    continue;
  }
  const missing = missingDi(definitions);
  if (missing.length) {
    failed = true;
    console.error(`${file}: no shape or edge in the diagram for ${missing.join(', ')}`);
    continue;
  }
  definitions.exporter = EXPORTER;
  definitions.exporterVersion = EXPORTER_VERSION;
  const { xml: out } = await moddle.toXML(definitions, { format: true });
  const written = out.endsWith('\n') ? out : out + '\n';
  if (written === xml) continue;
  if (check) {
    failed = true;
    console.error(`${file}: not normalised (npm run normalize)`);
  } else {
    writeFileSync(file, written);
    console.log(`normalised ${file}`);
  }
}
process.exit(failed ? 1 : 0);
