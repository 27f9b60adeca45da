/**
 * Nothing lost: the scenario and view state follow the user into the URL fragment (a share link
 * that always reproduces what is on screen) and into local storage (survives a reload). Both go
 * through the one link codec, so a stored state is validated exactly like a link from a stranger.
 *
 * A scenario too large for a link (a long trace: `linkRefusal`) is in neither: the address bar drops
 * its fragment, the saved copy is removed, and the share bar points to the scenario file instead.
 *
 * On start-up a link in the address bar wins over the saved state; a broken link falls back to the
 * saved state (never overwriting it with defaults), and a corrupted save is reported and replaced.
 */
import { DEFAULT_VIEW, decodeShareFragment, defaultScenario, encodeShareFragment, linkRefusal, type SharePayload } from '../core/index.ts';
import { useAppStore, type AppState } from './index.ts';

export const STORAGE_KEY = 'pool-sizer:state';
const STORAGE_VERSION = 1;
const WRITE_DELAY_MS = 250;

export function currentPayload(state: AppState = useAppStore.getState()): SharePayload {
  return {
    scenario: state.scenario,
    view: { snippetTab: state.snippetTab },
  };
}

export function applyPayload(payload: SharePayload): void {
  const { replaceScenario, setSnippetTab } = useAppStore.getState();
  replaceScenario(payload.scenario);
  setSnippetTab(payload.view.snippetTab);
}

function readStorage(storage: Storage): { payload: SharePayload | null; problem: string | null } {
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return { payload: null, problem: null }; // storage disabled: nothing saved, nothing to report
  }
  if (raw === null) return { payload: null, problem: null };
  try {
    const doc = JSON.parse(raw) as { version?: unknown; fragment?: unknown };
    if (doc.version !== STORAGE_VERSION || typeof doc.fragment !== 'string') return { payload: null, problem: 'it was written in an unknown format' };
    const decoded = decodeShareFragment(doc.fragment);
    return decoded.ok ? { payload: decoded.payload, problem: null } : { payload: null, problem: decoded.error.replace(/^the link/, 'it') };
  } catch {
    return { payload: null, problem: 'it is not valid JSON' };
  }
}

function writeStorage(storage: Storage, fragment: string): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: STORAGE_VERSION, fragment }));
  } catch {
    // Full or disabled storage: the URL still carries the state.
  }
}

function removeStorage(storage: Storage): void {
  try {
    storage.removeItem(STORAGE_KEY);
  } catch {
    // Disabled storage holds nothing to remove.
  }
}

/** Loads the initial state from the address bar or storage, then keeps both in step with edits. */
export function startPersistence(win: Window = window): () => void {
  const storage = win.localStorage;
  const { addNotice } = useAppStore.getState();
  const saved = readStorage(storage);
  if (saved.problem) {
    addNotice('error', `Your saved scenario could not be restored (${saved.problem}); it was replaced by the defaults.`);
    removeStorage(storage);
  }
  const hash = win.location.hash.replace(/^#/, '');
  if (hash) {
    const decoded = decodeShareFragment(hash);
    if (decoded.ok) {
      applyPayload(decoded.payload);
      if (decoded.warnings.length) addNotice('info', `Opened the shared scenario; ${decoded.warnings.join('; ')}.`);
    } else {
      if (saved.payload) applyPayload(saved.payload);
      addNotice('error', `This link could not be opened: ${decoded.error}. Showing ${saved.payload ? 'your last saved scenario' : 'the defaults'} instead.`);
    }
  } else if (saved.payload) {
    applyPayload(saved.payload);
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    const payload = currentPayload();
    if (linkRefusal(payload.scenario)) {
      // Too large for a link (the share bar says so): neither the address bar nor the saved copy may
      // show an older scenario as if it were this one.
      removeStorage(storage);
      if (win.location.hash) win.history.replaceState(win.history.state, '', win.location.href.split('#')[0]);
      return;
    }
    const fragment = encodeShareFragment(payload);
    writeStorage(storage, fragment);
    // replaceState: the address bar follows edits without adding a history entry per keystroke.
    if (win.location.hash !== `#${fragment}`) win.history.replaceState(win.history.state, '', `#${fragment}`);
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.scenario === previous.scenario && state.snippetTab === previous.snippetTab) return;
    clearTimeout(timer);
    timer = setTimeout(write, WRITE_DELAY_MS);
  });
  const onHashChange = () => {
    const hash = win.location.hash.replace(/^#/, '');
    if (!hash) return;
    const current = currentPayload();
    if (!linkRefusal(current.scenario) && hash === encodeShareFragment(current)) return;
    const decoded = decodeShareFragment(hash);
    if (decoded.ok) applyPayload(decoded.payload);
    else addNotice('error', `This link could not be opened: ${decoded.error}. Your current scenario was kept.`);
  };
  win.addEventListener('hashchange', onHashChange);
  // Make the address bar a working share link from the start; in a task of its own, since
  // compressing the scenario need not lengthen the start-up task.
  if (!decodeShareFragment(win.location.hash).ok) timer = setTimeout(write, 0);
  return () => {
    unsubscribe();
    clearTimeout(timer);
    win.removeEventListener('hashchange', onHashChange);
  };
}

export function resetToDefaults(): void {
  applyPayload({ scenario: defaultScenario(), view: { ...DEFAULT_VIEW } });
}
