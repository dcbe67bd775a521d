import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.js";
import { setUpI18n } from "./i18n/i18n.js";
import "./styles/tokens.css";
import "./styles/app.css";
import "./styles/editor.css";

setUpI18n();
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
