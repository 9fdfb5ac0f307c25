import { spawnSync } from 'node:child_process';

/**
 * Node has no XML parser, so the reports are parsed by Python's expat-based ElementTree,
 * which rejects anything that is not well-formed XML 1.0. Returns the element tree as JSON
 * (tag, attributes, text, children) so tests can assert what a consumer would read back.
 */
export interface XmlElement {
  tag: string;
  attrib: Record<string, string>;
  text: string | null;
  children: XmlElement[];
}

const PYTHON = ['python3', '/usr/bin/python3'].find((candidate) => spawnSync(candidate, ['--version']).status === 0);

export const pythonAvailable = PYTHON !== undefined;

const SCRIPT = `
import json, sys
import xml.etree.ElementTree as ET
def walk(e):
    return {"tag": e.tag, "attrib": dict(e.attrib), "text": e.text, "children": [walk(c) for c in e]}
print(json.dumps(walk(ET.fromstring(sys.stdin.buffer.read()))))
`;

export function parseXml(xml: string): XmlElement {
  if (!PYTHON) throw new Error('python3 is needed to parse XML in tests');
  const run = spawnSync(PYTHON, ['-c', SCRIPT], { input: Buffer.from(xml, 'utf8'), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`not well-formed XML: ${run.stderr}`);
  return JSON.parse(run.stdout) as XmlElement;
}
