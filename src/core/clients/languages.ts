/**
 * What each snippet language needs outside its generators, in one place: the export panel's file
 * extension and download type, the highlighter's grammar, how tests check its syntax and which
 * runtime runs a pasted snippet. A new language is one row here; the Records keyed on
 * `HighlightGrammar` (highlighter) and `LanguageId` (tests) then fail to compile until it is handled.
 */
export interface LanguageFacts {
  /** Extension of the files the tests save a snippet of this language as. */
  extension: string;
  /** Download MIME type: a wrong one makes some browsers rename or refuse the file. */
  mime: string;
  /** highlight.js grammar name (src/components/export/highlight.ts loads each one on first use; a new name needs its loader line there). */
  grammar: string;
  /** How tests/unit/snippets/syntax.test.ts parses it: the TypeScript compiler, Python's ast in the test venv, gofmt, or javac against OkHttp's jar. */
  syntaxChecker: 'tsc' | 'python-ast' | 'gofmt' | 'javac';
  /** The program a pasted snippet runs under (the Node or Python version comes from the client's family). */
  runtime: 'node' | 'python' | 'go' | 'java';
  /** File name of the driver that loads the snippet in tests. */
  driverFile: string;
}

export const LANGUAGES = {
  javascript: { extension: 'mjs', mime: 'text/javascript', grammar: 'javascript', syntaxChecker: 'tsc', runtime: 'node', driverFile: 'driver.mjs' },
  // Downloads as text/javascript as before: browsers have no registered TypeScript type to honour.
  typescript: { extension: 'ts', mime: 'text/javascript', grammar: 'typescript', syntaxChecker: 'tsc', runtime: 'node', driverFile: 'driver.mjs' },
  python: { extension: 'py', mime: 'text/x-python', grammar: 'python', syntaxChecker: 'python-ast', runtime: 'python', driverFile: 'driver.py' },
  // Debian's golang-go and default-jdk-headless with libokhttp-java (.ci/run); no registered MIME type exists for either.
  go: { extension: 'go', mime: 'text/x-go', grammar: 'go', syntaxChecker: 'gofmt', runtime: 'go', driverFile: 'main.go' },
  java: { extension: 'java', mime: 'text/x-java', grammar: 'java', syntaxChecker: 'javac', runtime: 'java', driverFile: 'Driver.java' },
} as const satisfies Record<string, LanguageFacts>;

export type LanguageId = keyof typeof LANGUAGES;
export type HighlightGrammar = (typeof LANGUAGES)[LanguageId]['grammar'];
