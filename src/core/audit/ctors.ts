/**
 * The constructors and helpers the audit understands, by qualified name after imports are resolved.
 * Anything else evaluates to unknown: the audit never guesses what an unknown call returns.
 */
export const PY_CTORS = new Set([
  'httpx.AsyncClient', 'httpx.Client', 'httpx.Limits', 'httpx.Timeout', 'httpx.AsyncHTTPTransport', 'httpx.HTTPTransport',
  'httpx2.AsyncClient', 'httpx2.Client', 'httpx2.Limits', 'httpx2.Timeout', 'httpx2.AsyncHTTPTransport', 'httpx2.HTTPTransport',
  'openai.AsyncOpenAI', 'openai.OpenAI', 'openai.AsyncAzureOpenAI', 'openai.AzureOpenAI',
  'openai.DefaultAioHttpClient', 'openai.DefaultAsyncHttpxClient', 'openai.DefaultHttpxClient', 'openai.DefaultAsyncHttpx2Client', 'openai.DefaultHttpx2Client',
  'anthropic.AsyncAnthropic', 'anthropic.Anthropic',
  'anthropic.DefaultAioHttpClient', 'anthropic.DefaultAsyncHttpxClient', 'anthropic.DefaultHttpxClient',
  'aiohttp.ClientSession', 'aiohttp.TCPConnector', 'aiohttp.ClientTimeout',
]);

export const JS_CTORS = new Set(['undici.Agent', 'undici.Pool', 'undici.Client', 'openai.OpenAI', 'openai.AzureOpenAI', 'anthropic.Anthropic']);

/** Names a pasted snippet often uses without its import line, and the only library that exports them. */
export const JS_BARE: Readonly<Record<string, string>> = {
  Agent: 'undici.Agent',
  Pool: 'undici.Pool',
  setGlobalDispatcher: 'undici.setGlobalDispatcher',
  OpenAI: 'openai.OpenAI',
  Anthropic: 'anthropic.Anthropic',
};
export const PY_BARE: Readonly<Record<string, string>> = {
  AsyncOpenAI: 'openai.AsyncOpenAI',
  AsyncAnthropic: 'anthropic.AsyncAnthropic',
  ClientSession: 'aiohttp.ClientSession',
  TCPConnector: 'aiohttp.TCPConnector',
};

/** npm package → the module name the audit uses. */
export function jsModule(spec: string): string {
  if (spec === '@anthropic-ai/sdk') return 'anthropic';
  return spec;
}

/** A default import: `import OpenAI from 'openai'`. */
export const JS_DEFAULTS: Readonly<Record<string, string>> = {
  openai: 'openai.OpenAI',
  anthropic: 'anthropic.Anthropic',
  undici: 'undici',
};

/** Function names whose body runs once (start-up, set-up, a main), so a client built there is not per request. */
export const ONCE_NAMES = /^(main|__init__|__aenter__|__enter__|__post_init__|constructor|setup|setUp|asyncSetUp|startup|on_startup|init|initialize|bootstrap|start|create_app|createApp|build_app|buildApp|[a-z_]*lifespan[a-z_]*)$/i;

/** HTTP methods and route registrars: a function handed to one of these runs per request. */
export const ROUTE_METHODS = /^(get|post|put|patch|delete|all|head|options|route|api_route|websocket|use|handle|handler|on)$/;
export const HANDLER_NAMES = /^(GET|POST|PUT|PATCH|DELETE|handler|handle|fetch)$/;

/** Go: the package-level calls that send through http.DefaultClient (and so http.DefaultTransport). */
export const GO_DEFAULT_USES = new Set(['net/http.Get', 'net/http.Post', 'net/http.Head', 'net/http.PostForm']);

/** Go packages a pasted snippet often names without its import block. */
export const GO_BARE: Readonly<Record<string, string>> = {
  http: 'net/http',
  openai: 'github.com/openai/openai-go',
  anthropic: 'github.com/anthropics/anthropic-sdk-go',
  option: 'github.com/openai/openai-go/option',
};

/** An import path without its major-version suffix, and the package name Go code refers to it by. */
export function goPackage(spec: string): { path: string; name: string } {
  const path = spec.replace(/\/v\d+(?=\/|$)/g, '');
  const last = path.split('/').pop() ?? path;
  const name = last === 'openai-go' ? 'openai' : last === 'anthropic-sdk-go' ? 'anthropic' : last.replace(/^go-/, '').replace(/[-.].*$/, '');
  return { path, name };
}

/** Go functions whose body runs once: main, init, constructors (New…), set-up. */
export const GO_ONCE_NAMES = /^(main|init|[Nn]ew[A-Z_]?\w*|[Ss]etup\w*|[Ii]nit\w*|[Mm]ust\w*|[Bb]uild\w*|[Ss]tart\w*|TestMain)$/;

/** Java: a method with one of these annotations handles requests (Spring, JAX-RS, Micronaut). */
export const JAVA_HANDLER_ANNOTATIONS = /^@(GetMapping|PostMapping|PutMapping|PatchMapping|DeleteMapping|RequestMapping|GET|POST|PUT|PATCH|DELETE|Path|Get|Post|Put|Delete)\b/;
/** Java method names that run per request (servlets, handlers). */
export const JAVA_HANDLER_NAMES = /^(doGet|doPost|doPut|doDelete|doPatch|service|handle|handleRequest)$/;
/** Java methods whose body runs once: main, set-up, bean factories. */
export const JAVA_ONCE_NAMES = /^(main|init|setup|setUp|start|initialize|bootstrap|afterPropertiesSet|onStartup|contextInitialized)$/;
/** Java annotations on a method that runs once (bean factories, start-up hooks). */
export const JAVA_ONCE_ANNOTATIONS = /^@(Bean|PostConstruct|Produces|Singleton|BeforeAll|BeforeClass|Provides)\b/;
