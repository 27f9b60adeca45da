import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: string;
}

export interface TabsProps<T extends string> {
  /** Prefix for the DOM ids of the tabs and the panel; unique on the page. */
  idBase: string;
  /** Accessible name of the tab list. */
  label: string;
  tabs: readonly TabItem<T>[];
  /** NoInfer: the tab ids alone decide T, so a store setter typed more narrowly still fits. */
  selected: NoInfer<T>;
  onSelect: (id: NoInfer<T>) => void;
  /** The selected tab's content. */
  children: ReactNode;
}

/**
 * WAI-ARIA tabs with automatic activation: one tab stop (roving tabindex), arrow keys move and
 * select, Home/End jump to the ends, the panel is named by its tab and reachable with Tab.
 * Content is rendered for the selected tab only, so one panel serves every tab.
 */
export function Tabs<T extends string>({ idBase, label, tabs, selected, onSelect, children }: TabsProps<T>) {
  const buttons = useRef(new Map<T, HTMLButtonElement>());
  const panelId = `${idBase}-panel`;
  const tabId = (id: T) => `${idBase}-tab-${id}`;

  const moveTo = (index: number) => {
    const next = tabs[(index + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.id);
    buttons.current.get(next.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  return (
    <>
      <div className="tabs" role="tablist" aria-label={label}>
        {tabs.map((t, index) => {
          const active = t.id === selected;
          return (
            <button
              key={t.id}
              ref={(el) => {
                if (el) buttons.current.set(t.id, el);
                else buttons.current.delete(t.id);
              }}
              type="button"
              role="tab"
              id={tabId(t.id)}
              aria-selected={active}
              aria-controls={panelId}
              tabIndex={active ? 0 : -1}
              className={active ? 'tab tab--active' : 'tab'}
              onClick={() => onSelect(t.id)}
              onKeyDown={(e) => onKeyDown(e, index)}
              data-testid={`tab-${t.id}`}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(selected)} tabIndex={0} className="tabpanel" data-testid={`${idBase}-panel`}>
        {children}
      </div>
    </>
  );
}
