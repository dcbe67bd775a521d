import { type KeyboardEvent, useId, useRef, useState } from "react";
import { useUiText } from "../i18n/ui-text.js";
import { Drawer } from "../ui/Drawer.js";
import { BindingTab } from "./BindingTab.js";
import { CompareTab } from "./CompareTab.js";
import type { DataPanelProps } from "./data-panel-props.js";
import { FunnelTab } from "./FunnelTab.js";
import { PathsTab } from "./PathsTab.js";
import { SourcesTab } from "./SourcesTab.js";
import { useEventSummary } from "./use-event-summary.js";
import "./data-panel.css";

const TABS = ["sources", "binding", "funnel", "paths", "compare"] as const;
type Tab = (typeof TABS)[number];

/** The map's data: event sources, stage binding, funnel, paths and period comparison, one tab each. */
export default function DataPanel(props: DataPanelProps) {
  const { t } = useUiText();
  const [tab, setTab] = useState<Tab>("sources");
  const summary = useEventSummary(props.workspaceId);
  const baseId = useId();
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  // Arrow keys move between tabs, as in the WAI-ARIA tabs pattern.
  const onTabKey = (event: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] ?? "sources";
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <Drawer title={t("data.title")} onClose={props.onClose}>
      <div className="data-panel">
        <div className="data-tabs" role="tablist" aria-label={t("data.tabsLabel")} onKeyDown={onTabKey}>
          {TABS.map((name) => (
            <button
              key={name}
              ref={(element) => {
                tabRefs.current[name] = element;
              }}
              type="button"
              role="tab"
              id={`${baseId}-${name}-tab`}
              aria-selected={tab === name}
              aria-controls={`${baseId}-${name}-panel`}
              tabIndex={tab === name ? 0 : -1}
              className={tab === name ? "data-tab on" : "data-tab"}
              onClick={() => setTab(name)}
            >
              {t(`data.tab.${name}`)}
            </button>
          ))}
        </div>
        <div
          role="tabpanel"
          id={`${baseId}-${tab}-panel`}
          aria-labelledby={`${baseId}-${tab}-tab`}
          className="data-tab-panel"
        >
          {tab === "sources" && <SourcesTab workspaceId={props.workspaceId} summary={summary} />}
          {tab === "binding" && (
            <BindingTab
              map={props.map}
              workspaceId={props.workspaceId}
              summary={summary}
              personas={props.personas}
              savePersona={props.savePersona}
              readOnly={props.readOnly}
              apply={props.apply}
            />
          )}
          {tab === "funnel" && <FunnelTab {...props} />}
          {tab === "paths" && <PathsTab {...props} />}
          {tab === "compare" && <CompareTab {...props} />}
        </div>
      </div>
    </Drawer>
  );
}
