/**
 * What the tests need to run a family's clients for real, and the pieces its drivers share. A driver
 * is a program that loads a generated snippet as pasted and drives it: two bursts of concurrent
 * requests (per tenant when the pool is split), then a clean shutdown. Each reads its settings as
 * JSON from argv, so the same text serves every target of its language. Used by tests only.
 */

export interface DriverConfig {
  /** Concurrent requests per burst (per tenant). */
  n: number;
  path: string;
  /** Tenant ids; empty = the pool's shared client or Agent. */
  tenants: string[];
  /** Name of the tenant factory the snippet exports (sharedAgentForTenant, shared_client_for_tenant). */
  factory: string;
}

import type { ClientId } from './registry.ts';

/**
 * Where `npm run calibrate` runs a client: the test venv's Python, Node 22 with undici 8 (tests/fixtures/undici8),
 * the project's own Node, Go's standard library (a module of the snippet's package and the driver's main, built
 * offline) or the JDK with Debian's OkHttp and okio jars (the snippet and the driver compiled together).
 */
export type CalibrationRuntime = 'python-venv' | 'node22' | 'node' | 'go' | 'java';

/** How `npm run calibrate` (tests/calibration/) runs a family's clients against the simulator. */
export interface CalibrationKit {
  /** The driver that loads the snippet as pasted and runs a workload, relative to the project root. */
  driver: string;
  /** The family's calibrated clients, each on its runtime; a client not listed is not calibrated. */
  runtimes: Readonly<Partial<Record<ClientId, CalibrationRuntime>>>;
  /** The library has no HTTP/2, so the HTTP/2 cases would only measure its HTTP/1.1 pool again. */
  h1Only?: boolean;
}

export interface TestKit {
  /** Lines of tests/fixtures/python/requirements.txt the family's Python clients need. */
  pythonRequirements?: readonly string[];
  /** npm packages of tests/fixtures/undici8/package.json the family's Node clients need. */
  npmPackages?: readonly string[];
  calibration?: CalibrationKit;
}

/** Python drivers start by loading pool.py (and the monitor) from the working directory. */
export const pythonLoader = `import asyncio, importlib.util, json, logging, sys


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cfg = json.loads(sys.argv[1])
pool = load("pool", "pool.py")
`;

