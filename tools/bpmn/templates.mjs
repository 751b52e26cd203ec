#!/usr/bin/env node
// The element templates in ../../.camunda/element-templates (where the Camunda Modeler finds them for every file
// under bpmn/): each valid against the Camunda 7 element templates schema (the validator the Modeler uses), and
// every call activity of bpmn/ that calls a templated process names its template and version and has the mappings
// the template requires. Run by `npm run lint`, so by `mvn verify`.
import { readFileSync, readdirSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import { validateAll } from '@bpmn-io/element-templates-validator';

const dir = new URL('../../.camunda/element-templates/', import.meta.url);
const bpmnDir = new URL('../../bpmn/', import.meta.url);
const camunda = JSON.parse(readFileSync(new URL('node_modules/camunda-bpmn-moddle/resources/camunda.json', import.meta.url), 'utf8'));
const problems = [];

const templates = new Map(); // calledElement → template
for (const name of readdirSync(dir).filter(f => f.endsWith('.json')).sort()) {
  const json = JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
  const { valid, results } = validateAll(json);
  if (!valid) {
    for (const r of results) for (const e of r.errors || []) problems.push(`${name}: ${e.instancePath} ${e.message}`);
    continue;
  }
  for (const t of json) {
    const called = t.properties.find(p => p.binding.type === 'property' && p.binding.name === 'calledElement');
    if (called) templates.set(called.value, t);
  }
}

let calls = 0;
for (const file of readdirSync(bpmnDir).filter(f => f.endsWith('.bpmn')).sort()) {
  const { rootElement } = await new BpmnModdle({ camunda }).fromXML(readFileSync(new URL(file, bpmnDir), 'utf8'));
  const walk = elements => {
    for (const e of elements || []) {
      if (e.flowElements) walk(e.flowElements);
      if (!e.$instanceOf('bpmn:CallActivity')) continue;
      const t = templates.get(e.calledElement);
      if (!t) continue;
      calls++;
      const where = `${file} ${e.id}`;
      if (e.modelerTemplate !== t.id || String(e.modelerTemplateVersion) !== String(t.version)) {
        problems.push(`${where}: calls ${e.calledElement} without camunda:modelerTemplate="${t.id}" camunda:modelerTemplateVersion="${t.version}"`);
      }
      const ext = e.extensionElements?.values || [];
      const ins = new Set(ext.filter(x => x.$type === 'camunda:In').map(x => x.businessKey !== undefined ? ':businessKey' : x.target));
      const outs = new Set(ext.filter(x => x.$type === 'camunda:Out').map(x => x.source));
      for (const p of t.properties.filter(p => !p.optional)) {
        if (p.binding.type === 'camunda:in' && !ins.has(p.binding.target)) problems.push(`${where}: no camunda:in target="${p.binding.target}" (${t.id})`);
        if (p.binding.type === 'camunda:in:businessKey' && !ins.has(':businessKey')) problems.push(`${where}: no camunda:in businessKey (${t.id})`);
        if (p.binding.type === 'camunda:out' && !outs.has(p.binding.source)) problems.push(`${where}: no camunda:out source="${p.binding.source}" (${t.id})`);
        if (p.binding.type === 'property' && p.binding.name === 'camunda:asyncBefore' && e.asyncBefore !== p.value) problems.push(`${where}: camunda:asyncBefore is not ${p.value} (${t.id})`);
      }
    }
  };
  walk(rootElement.rootElements.filter(r => r.$instanceOf('bpmn:Process')));
}

for (const p of problems) console.error(p);
console.log(`element templates: ${templates.size}, templated call activities: ${calls}, problems: ${problems.length}`);
process.exit(problems.length ? 1 : 0);
