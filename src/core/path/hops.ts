/**
 * What sits between the client and the API: the idle limits of CDNs, load balancers and NAT
 * gateways, and what each does when a connection has been idle that long (issue #17). One facts
 * table: a hop of a known `kind` takes its `idleSec` and `onIdle` from here unless the scenario
 * says otherwise. Each row names the documentation it was read in; where the provider lets the
 * limit be configured, the row holds the default and says so.
 */

/** What a hop does to a connection idle past its limit. */
export type OnIdle = 'fin' | 'rst' | 'silent' | 'silent-rst';
export const ON_IDLE: readonly OnIdle[] = ['fin', 'rst', 'silent', 'silent-rst'];

export type HopKind = 'cloudflare' | 'aws-alb' | 'aws-nat' | 'gcp-lb' | 'azure-lb' | 'custom' | 'server';
export type KnownHopKind = Exclude<HopKind, 'custom' | 'server'>;

export interface DocRef {
  url: string;
  title: string;
  /** The sentence of the page the figure was read in. */
  quote: string;
}

export interface HopFacts {
  kind: KnownHopKind;
  label: string;
  idleSec: number;
  onIdle: OnIdle;
  /** The operator can change the limit (the figure is the default). */
  configurable: boolean;
  source: DocRef;
}

export const ON_IDLE_WORDS: Record<OnIdle, string> = {
  fin: 'closes it (FIN)',
  rst: 'resets it (RST)',
  silent: 'drops it silently',
  'silent-rst': 'drops it silently, then resets the next packet (RST)',
};

/*
 * Verified against the providers' documentation (December 2026 copies in the search index):
 * - Cloudflare: the connection-limits table gives 400 s for both HTTP/1.1 keep-alive and HTTP/2 idle
 *   client connections, "TCP connection closed", Configurable "No" (Enterprise plans may ask for
 *   changes: "Some TCP connections can be customized for Enterprise customers"). The page does not say
 *   FIN or RST; a proxy closing its own socket sends FIN, so 'fin'.
 * - AWS ALB: "the load balancer closes the connection" after the idle timeout, 60 s by default,
 *   configurable. The page does not say FIN or RST: 'fin' is the reading of "closes".
 *   The same page: "Application Load Balancers do not support HTTP/2 PING frames. These do not reset
 *   the connection idle timeout." (OkHttp's pingInterval, set by anthropic-java, does not keep an ALB
 *   connection open.)
 * - AWS NAT gateway: 350 s (troubleshooting page, quoted below). The RST comes from a second page,
 *   "Compare NAT gateways and NAT instances" (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-comparison.html):
 *   "When a connection times out, a NAT gateway returns an RST packet to any resources behind the NAT
 *   gateway that attempt to continue the connection (it does not send a FIN packet)." Nothing is sent
 *   at the timeout itself, hence 'silent-rst'. No page describes a setting for it: not configurable.
 * - Google Cloud: 610 s is the default of the target proxy's httpKeepAliveTimeoutSec for the *global*
 *   external Application Load Balancer (5–1200 s); the classic Application Load Balancer does not
 *   support the option (its GFEs use 610 s), and the regional external one defaults to 600 s. The
 *   overview page "External Application Load Balancer request distribution" says the same ("The client
 *   HTTP keepalive timeout used by GFEs is 610 seconds…", read in its zh-CN and ja translations; the
 *   English page is not in the index), so the quote below is the Compute Engine API reference's.
 *   How the GFE closes an idle client connection is not documented: 'fin' is an assumption.
 * - Azure Load Balancer: idle timeout 4 min by default (4–100 min), and by default the flow is dropped
 *   silently (TCP reset on idle is opt-in per rule).
 */
export const HOP_FACTS: Record<KnownHopKind, HopFacts> = {
  cloudflare: {
    kind: 'cloudflare',
    label: 'Cloudflare',
    idleSec: 400,
    onIdle: 'fin',
    configurable: false,
    source: {
      url: 'https://developers.cloudflare.com/fundamentals/reference/connection-limits/',
      title: 'Cloudflare Docs: Connection limits (between client and Cloudflare)',
      quote: 'Connection Keep-Alive HTTP/1.1 | 400 | TCP connection closed | No; Connection Idle HTTP/2 | 400 | TCP connection closed | No',
    },
  },
  'aws-alb': {
    kind: 'aws-alb',
    label: 'AWS Application Load Balancer',
    idleSec: 60,
    onIdle: 'fin',
    configurable: true,
    source: {
      url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html#connection-idle-timeout',
      title: 'Elastic Load Balancing: Edit attributes for your Application Load Balancer (Connection idle timeout)',
      quote:
        'The connection idle timeout is the period of time an existing client or target connection can remain inactive, with no data being sent or received, before the load balancer closes the connection. … By default, ELB sets the idle timeout value for your load balancer to 60 seconds.',
    },
  },
  'aws-nat': {
    kind: 'aws-nat',
    label: 'AWS NAT gateway',
    idleSec: 350,
    onIdle: 'silent-rst',
    configurable: false,
    source: {
      url: 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-troubleshooting.html#nat-gateway-troubleshooting-timeout',
      title: 'Amazon VPC: Troubleshoot NAT gateways (Internet connection drops after 350 seconds)',
      quote:
        "If a connection that's using a NAT gateway is idle for 350 seconds or more, the connection times out. … Alternatively, you can enable TCP keepalive on the instance with a value less than 350 seconds.",
    },
  },
  'gcp-lb': {
    kind: 'gcp-lb',
    label: 'Google Cloud global external Application Load Balancer',
    idleSec: 610,
    onIdle: 'fin',
    configurable: true,
    source: {
      url: 'https://cloud.google.com/compute/docs/reference/rest/v1/targetHttpProxies',
      title: 'Compute Engine API: targetHttpProxies (httpKeepAliveTimeoutSec)',
      quote:
        'Specifies how long to keep a connection open, after completing a response, while there is no matching traffic (in seconds). If an HTTP keep-alive is not specified, a default value (610 seconds) will be used. For global external Application Load Balancers, the minimum allowed value is 5 seconds and the maximum allowed value is 1200 seconds.',
    },
  },
  'azure-lb': {
    kind: 'azure-lb',
    label: 'Azure Load Balancer',
    idleSec: 240,
    onIdle: 'silent',
    configurable: true,
    source: {
      url: 'https://learn.microsoft.com/en-us/azure/load-balancer/load-balancer-tcp-reset',
      title: 'Azure Load Balancer: Load Balancer TCP Reset and Idle Timeout',
      quote:
        "Load Balancer's default behavior is to silently drop flows when the idle timeout of a flow is reached. … By default, it's set to 4 minutes.",
    },
  },
};

export const HOP_KINDS: readonly HopKind[] = [...(Object.keys(HOP_FACTS) as KnownHopKind[]), 'custom', 'server'];
