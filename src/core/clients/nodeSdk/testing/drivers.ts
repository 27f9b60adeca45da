/** A Node SDK snippet (.ts, run by Node 22's type stripping): real SDK calls through its client, the burst in a header. */
export function nodeSdkDriver(file: string, client: string, call: string, body: string, text: string): string {
  return `import * as mod from './${file}';
const { n } = JSON.parse(process.argv[2]);
for (const burst of [1, 2]) {
  const replies = await Promise.all(Array.from({ length: n }, () => mod.${client}.${call}(${body}, { headers: { 'x-burst': String(burst) } })));
  for (const reply of replies) if (${text} !== 'hi') throw new Error('bad reply ' + JSON.stringify(reply));
}
await mod.closePools();
console.log('done');
`;
}
