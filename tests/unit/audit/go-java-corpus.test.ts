/**
 * The Go and Java corpus (tests/fixtures/audit/2x_*.go, 3x_*.java): each snippet compiles and runs
 * against the real library — Debian's Go 1.19 net/http, OkHttp 3.13.1's jars — and a reader prints
 * the settings the library holds (Go: the Transport's fields, and whether net/http turned HTTP/2 on,
 * read by reflection after the Transport decided; Java: the Dispatcher's getters and the
 * ConnectionPool's private fields by reflection). The audit, reading the same file without running
 * it, must report that pool and flag every client built per request. Skipped without go or javac.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../../src/core/audit/index.ts';
import { OKHTTP_CLASSPATH } from '../../../src/core/clients/okhttp/testing/index.ts';

const dir = join(__dirname, '../../fixtures/audit');
const GO = '/usr/lib/go-1.19/bin/go';
const haveGo = existsSync(GO);
const haveJava = OKHTTP_CLASSPATH.every(existsSync) && existsSync('/usr/bin/javac');

/** file → Go expression (an *http.Client or *http.Transport) or Java field per client, and the audit's line for it. */
const GO_CORPUS: { file: string; clients: Record<string, { expr: string; line: number }>; findings: string[] }[] = [
  { file: '20_go_default_client.go', clients: { fetch: { expr: 'http.DefaultClient', line: 11 } }, findings: ['11 go-idle-per-host'] },
  { file: '21_go_transport_literal.go', clients: { client: { expr: 'client', line: 20 } }, findings: [] },
  { file: '22_go_clone.go', clients: { llm: { expr: 'llm', line: 17 } }, findings: [] },
  { file: '23_go_custom_dialer.go', clients: { api: { expr: 'api', line: 20 } }, findings: ['13 go-http2-off'] },
  { file: '24_go_per_request.go', clients: {}, findings: ['11 go-per-request'] },
  { file: '25_go_zero_transport.go', clients: { gateway: { expr: 'gateway', line: 7 } }, findings: ['7 go-idle-per-host'] },
];
const JAVA_CORPUS: { file: string; cls: string; clients: Record<string, number>; findings: string[] }[] = [
  { file: '30_okhttp_default.java', cls: 'Snippet30', clients: { CLIENT: 6 }, findings: ['6 okhttp-per-host-5'] },
  { file: '31_okhttp_builder_pool.java', cls: 'Snippet31', clients: { CLIENT: 11 }, findings: [] },
  { file: '32_okhttp_constructor.java', cls: 'Snippet32', clients: { client: 18 }, findings: [] },
  { file: '33_okhttp_new_builder.java', cls: 'Snippet33', clients: { BASE: 8, SLOW: 9 }, findings: ['8 okhttp-per-host-5', '9 okhttp-per-host-5'] },
  { file: '34_okhttp_per_request.java', cls: 'Snippet34', clients: {}, findings: ['10 okhttp-per-host-5', '10 okhttp-per-request'] },
];

/** Prints each client's pool as the audit states it, from the fields the Transport holds after it decided on HTTP/2. */
function goReader(clients: Record<string, { expr: string }>): string {
  const lines = Object.entries(clients).map(([name, { expr }]) => `\tout[${JSON.stringify(name)}] = pool(transportOf(${expr}))`);
  return `package main

import (
	"encoding/json"
	"net/http"
	"os"
	"reflect"
)

func transportOf(v interface{}) *http.Transport {
	switch x := v.(type) {
	case *http.Transport:
		return x
	case *http.Client:
		if x.Transport == nil {
			return http.DefaultTransport.(*http.Transport)
		}
		return x.Transport.(*http.Transport)
	}
	panic("not a client")
}

func pool(t *http.Transport) map[string]interface{} {
	// CloseIdleConnections runs onceSetNextProtoDefaults: net/http decides on HTTP/2 here.
	t.CloseIdleConnections()
	h2 := !reflect.ValueOf(t).Elem().FieldByName("h2transport").IsNil()
	var maxConns interface{}
	if t.MaxConnsPerHost > 0 {
		maxConns = t.MaxConnsPerHost
	}
	idle := t.MaxIdleConnsPerHost
	if idle == 0 {
		idle = http.DefaultMaxIdleConnsPerHost
	}
	if idle < 0 {
		idle = 0
	}
	if t.MaxIdleConns > 0 && t.MaxIdleConns < idle {
		idle = t.MaxIdleConns
	}
	var keep interface{}
	if t.IdleConnTimeout > 0 {
		keep = t.IdleConnTimeout.Seconds()
	}
	if t.DisableKeepAlives {
		idle = 0
		keep = 0
	}
	protocol := "h1"
	if h2 {
		protocol = "h2"
	}
	return map[string]interface{}{"maxConnections": maxConns, "maxKeepalive": idle, "keepaliveSec": keep, "protocol": protocol, "poolTimeoutSec": nil, "perHost": maxConns}
}

func main() {
	out := map[string]interface{}{}
${lines.join('\n')}
	_ = json.NewEncoder(os.Stdout).Encode(out)
}
`;
}

const JAVA_READER = `import java.lang.reflect.*;
import okhttp3.*;

public class ReadPools {
  public static void main(String[] args) throws Exception {
    Class<?> c = Class.forName(args[0]);
    Object instance = null;
    Field idle = ConnectionPool.class.getDeclaredField("maxIdleConnections");
    Field keep = ConnectionPool.class.getDeclaredField("keepAliveDurationNs");
    idle.setAccessible(true);
    keep.setAccessible(true);
    StringBuilder out = new StringBuilder("{");
    for (int i = 1; i < args.length; i++) {
      Field f = c.getDeclaredField(args[i]);
      f.setAccessible(true);
      boolean isStatic = Modifier.isStatic(f.getModifiers());
      if (!isStatic && instance == null) {
        Constructor<?> k = c.getDeclaredConstructor();
        k.setAccessible(true);
        instance = k.newInstance();
      }
      OkHttpClient client = (OkHttpClient) f.get(isStatic ? null : instance);
      Dispatcher d = client.dispatcher();
      int max = Math.min(d.getMaxRequestsPerHost(), d.getMaxRequests());
      String protocol = client.protocols().contains(Protocol.HTTP_2) ? "h2" : "h1";
      if (i > 1) out.append(',');
      out.append('"').append(args[i]).append("\\":{\\"maxConnections\\":").append(max)
        .append(",\\"maxKeepalive\\":").append(idle.getInt(client.connectionPool()))
        .append(",\\"keepaliveSec\\":").append(keep.getLong(client.connectionPool()) / 1e9)
        .append(",\\"protocol\\":\\"").append(protocol)
        .append("\\",\\"poolTimeoutSec\\":null,\\"perHost\\":").append(max).append('}');
    }
    System.out.println(out.append('}'));
  }
}
`;

const work = () => mkdtempSync(join(tmpdir(), 'audit-corpus-'));

function runGo(file: string, clients: Record<string, { expr: string }>): Record<string, unknown> {
  const d = work();
  copyFileSync(join(dir, file), join(d, 'snippet.go'));
  writeFileSync(join(d, 'go.mod'), 'module auditcorpus\n\ngo 1.19\n');
  writeFileSync(join(d, 'reader.go'), goReader(clients));
  const env = { ...process.env, GOCACHE: join(tmpdir(), 'pool-sizer-audit-gocache'), GOPATH: join(d, '.gopath'), GOPROXY: 'off', GOFLAGS: '-mod=mod', GO111MODULE: 'on' };
  execFileSync(GO, ['vet', '.'], { cwd: d, env, stdio: 'pipe' });
  const out = execFileSync(GO, ['run', '.'], { cwd: d, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.trim()) as Record<string, unknown>;
}

function runJava(file: string, cls: string, fields: string[]): Record<string, unknown> {
  const d = work();
  mkdirSync(join(d, 'out'));
  copyFileSync(join(dir, file), join(d, `${cls}.java`));
  writeFileSync(join(d, 'ReadPools.java'), JAVA_READER);
  const cp = OKHTTP_CLASSPATH.join(':');
  execFileSync('javac', ['-Werror', '-Xlint:-deprecation', '-cp', cp, '-d', 'out', `${cls}.java`, 'ReadPools.java'], { cwd: d, stdio: 'pipe' });
  if (fields.length === 0) return {};
  const out = execFileSync('java', ['-cp', `out:${cp}`, 'ReadPools', cls, ...fields], { cwd: d, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.trim()) as Record<string, unknown>;
}

const findingsOf = (file: string, kinds: RegExp) => {
  const r = audit([{ name: file, text: readFileSync(join(dir, file), 'utf8') }]);
  return { result: r, findings: r.findings.filter((f) => kinds.test(f.kind)).map((f) => `${f.line} ${f.kind}`) };
};

describe('audit corpus against Go net/http (Go 1.19)', () => {
  for (const entry of GO_CORPUS) {
    it.skipIf(!haveGo)(`should report what ${entry.file} really builds`, () => {
      const real = runGo(entry.file, entry.clients);
      const { result, findings } = findingsOf(entry.file, /^go-/);
      for (const [name, { line }] of Object.entries(entry.clients)) {
        const found = result.clients.find((c) => c.line === line);
        expect(found, `${entry.file}: no client at line ${line}`).toBeDefined();
        expect(found!.pools[0], `${entry.file} ${name}`).toEqual(real[name]);
      }
      expect(findings).toEqual(entry.findings);
    }, 120_000);
  }
});

describe('audit corpus against OkHttp 3.13.1', () => {
  for (const entry of JAVA_CORPUS) {
    it.skipIf(!haveJava)(`should report what ${entry.file} really builds`, () => {
      const real = runJava(entry.file, entry.cls, Object.keys(entry.clients));
      const { result, findings } = findingsOf(entry.file, /^okhttp-/);
      for (const [name, line] of Object.entries(entry.clients)) {
        const found = result.clients.find((c) => c.line === line);
        expect(found, `${entry.file}: no client at line ${line}`).toBeDefined();
        expect(found!.pools[0], `${entry.file} ${name}`).toEqual(real[name]);
      }
      expect(findings).toEqual(entry.findings);
    }, 120_000);
  }
});
