#!/usr/bin/env node
// Makes an implicit join explicit: inserts an exclusive joining gateway in front of an element with several
// incoming sequence flows (bpmnlint fake-join), or in front of a gateway that both joins and forks
// (no-gateway-join-fork). Makes room in the diagram as the Modeler's space tool does (everything from the element
// rightwards moves 100 px right), draws the gateway and re-routes the incoming edges to it. Behaviour does not
// change: an exclusive join passes every token on, as the implicit join did.
//
//   node add-join.mjs ../../bpmn/x.bpmn ElementId [GatewayId]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import { EXPORTER, EXPORTER_VERSION } from './exporter.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const camunda = JSON.parse(readFileSync(join(here, 'node_modules/camunda-bpmn-moddle/resources/camunda.json'), 'utf8'));
const [file, targetId, gatewayIdArg] = process.argv.slice(2);
const SPACE = 100;

const moddle = new BpmnModdle({ camunda });
const { rootElement: definitions, elementsById } = await moddle.fromXML(readFileSync(file, 'utf8'), 'bpmn:Definitions');
const target = elementsById[targetId];
if (!target || (target.incoming || []).length < 2) throw new Error(`${targetId}: not an element with several incoming flows`);
const parent = target.$parent;
const suffix = targetId.replace(/^[A-Za-z]+_/, '');
const gatewayId = gatewayIdArg || `Gateway_Join${suffix}`;
const flowId = `Flow_Join${suffix}`;
if (elementsById[gatewayId] || elementsById[flowId]) throw new Error(`${gatewayId} or ${flowId} exists`);

// the model
const gateway = moddle.create('bpmn:ExclusiveGateway', { id: gatewayId });
gateway.$parent = parent;
const flow = moddle.create('bpmn:SequenceFlow', { id: flowId, sourceRef: gateway, targetRef: target });
flow.$parent = parent;
const incoming = target.incoming;
for (const f of incoming) f.targetRef = gateway;
gateway.incoming = [...incoming];
gateway.outgoing = [flow];
target.incoming = [flow];
const index = parent.flowElements.indexOf(target);
parent.flowElements.splice(index, 0, gateway);
parent.flowElements.push(flow);

// the diagram
const plane = definitions.diagrams[0].plane;
const shapeOf = id => plane.planeElement.find(p => p.bpmnElement && p.bpmnElement.id === id);
const targetShape = shapeOf(targetId);
const tb = targetShape.bounds;
const threshold = tb.x;
const shift = b => { if (b && b.x >= threshold) b.x += SPACE; };
for (const p of plane.planeElement) {
  if (p.bounds) {
    if (p.bounds.x >= threshold) p.bounds.x += SPACE;
    else if (p.bounds.x + p.bounds.width > threshold
      && ['bpmn:Participant', 'bpmn:Lane', 'bpmn:SubProcess'].some(t => p.bpmnElement.$instanceOf(t))) {
      p.bounds.width += SPACE; // a pool, lane or expanded sub-process across the line grows
    }
  }
  if (p.label) shift(p.label.bounds);
  for (const w of p.waypoint || []) if (w.x >= threshold) w.x += SPACE;
}
const cy = tb.y + tb.height / 2;
const gx = threshold + (SPACE - 50) / 2 - 10;
const gb = moddle.create('dc:Bounds', { x: gx, y: cy - 25, width: 50, height: 50 });
const gShape = moddle.create('bpmndi:BPMNShape', { id: `${gatewayId}_di`, bpmnElement: gateway, isMarkerVisible: true, bounds: gb });
plane.planeElement.push(gShape);
const gcx = gx + 25;
for (const f of incoming) {
  const edge = shapeOf(f.id);
  const w = edge.waypoint;
  w.pop();
  const prev = w[w.length - 1];
  const pts = [];
  if (prev.y === cy && prev.x < gx) {
    pts.push([gx, cy]);
  } else {
    if (prev.x !== gcx) pts.push([gcx, prev.y]);
    pts.push([gcx, prev.y < cy ? cy - 25 : cy + 25]);
  }
  for (const [x, y] of pts) w.push(moddle.create('dc:Point', { x, y }));
}
const edge = moddle.create('bpmndi:BPMNEdge', {
  id: `${flowId}_di`, bpmnElement: flow,
  waypoint: [moddle.create('dc:Point', { x: gx + 50, y: cy }), moddle.create('dc:Point', { x: tb.x, y: cy })]
});
plane.planeElement.push(edge);

definitions.exporter = EXPORTER;
definitions.exporterVersion = EXPORTER_VERSION;
const { xml } = await moddle.toXML(definitions, { format: true });
writeFileSync(file, xml.endsWith('\n') ? xml : xml + '\n');
console.log(`${file}: ${gatewayId} joins ${incoming.map(f => f.id).join(', ')} into ${targetId}`);
