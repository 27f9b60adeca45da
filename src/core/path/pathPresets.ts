/**
 * Common paths between a service and an AI API, one tap away in the path editor. A preset names
 * the middleboxes only; their limits and behaviours come from the facts table (hops.ts), so a
 * corrected fact corrects every preset. The API's own idle timeout (the `server` hop) is not a
 * property of the path someone picks, so applying a preset keeps it.
 */
import type { Hop } from '../scenario/schema.ts';
import { HOP_FACTS, type KnownHopKind } from './hops.ts';

export interface PathPreset {
  id: string;
  label: string;
  /** One sentence on where the hops come from, shown under the picker. */
  note: string;
  /** Middleboxes, client side first. */
  kinds: readonly KnownHopKind[];
}

/*
 * api.anthropic.com is behind Cloudflare (issue #17: anthropics/claude-code 89608 measured
 * Cloudflare's FIN at 400 s). api.openai.com answers through Cloudflare too: its responses carry
 * `Server: cloudflare` and `CF-RAY` next to `openai-organization` / `openai-processing-ms`, and its
 * 502 pages are Cloudflare's "api.openai.com | 502: Bad gateway" (yoheinakajima/babyagi#64).
 */
export const PATH_PRESETS: readonly PathPreset[] = [
  {
    id: 'anthropic-cloudflare',
    label: 'Anthropic via Cloudflare',
    note: 'api.anthropic.com is served through Cloudflare, which closes a client connection idle 400 s.',
    kinds: ['cloudflare'],
  },
  {
    id: 'openai-cloudflare',
    label: 'OpenAI via Cloudflare',
    note: 'api.openai.com is served through Cloudflare (its replies carry Server: cloudflare and a CF-RAY), which closes a client connection idle 400 s.',
    kinds: ['cloudflare'],
  },
  {
    id: 'aws-nat',
    label: 'Behind an AWS NAT gateway',
    note: 'A NAT gateway forgets a flow idle 350 s without telling anyone, then resets the next packet; Cloudflare sits in front of the API.',
    kinds: ['aws-nat', 'cloudflare'],
  },
  {
    id: 'aws-alb',
    label: 'Through an AWS ALB',
    note: 'An Application Load Balancer closes a connection idle 60 s by default (configurable).',
    kinds: ['aws-alb'],
  },
  {
    id: 'azure-lb',
    label: 'Behind an Azure load balancer',
    note: 'Azure Load Balancer drops a flow idle 4 minutes silently by default (configurable).',
    kinds: ['azure-lb'],
  },
  {
    id: 'direct',
    label: 'Direct (no middlebox)',
    note: 'Nothing between the client and the API closes idle connections.',
    kinds: [],
  },
];

/** The hops of `preset`, filled from the facts table, followed by the server's hop of `hops` if it has one. */
export function applyPathPreset(hops: readonly Hop[], preset: PathPreset): Hop[] {
  const server = hops.filter((h) => h.kind === 'server');
  const middleboxes = preset.kinds.map((kind): Hop => ({ kind, idleSec: HOP_FACTS[kind].idleSec, onIdle: HOP_FACTS[kind].onIdle }));
  return [...middleboxes, ...server.map((h) => ({ ...h }))];
}
