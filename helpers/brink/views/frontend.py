"""What the live views need from the page itself: keys that stay in a control, names for screen readers, focus.

ipywidgets cannot set attributes on the elements it draws, and JupyterLab takes single keys (a, b, d d, r, m, y,
the arrows) for notebook commands even while a dropdown or a radio group has focus (review U1: a keyboard-only
student turned the demands board into a raw cell and could not finish). Lumino skips its shortcuts for an
element marked ``data-lm-suppress-shortcuts`` or inside one, so a small script marks every brink view and every
control in it, once per page (JupyterLab and Notebook 7 alike). The same script names radio groups, gives the
slider a spoken value, makes the feedback a live region that exists before the answer, passes a choice made with
the arrow keys on to the widget, and moves focus to the feedback after Check or Commit (review U4, U5). A style
sheet gives every control a visible focus ring of at least 3:1 on the light and the dark theme, lets answer
options, labels, slider readouts and dropdowns wrap or grow, and keeps each table scrolling inside its own box
on a narrow screen (review U2).

The script is sent once per kernel, as a JavaScript output of the first cell that shows a live view: JupyterLab
and Notebook 7 run it for outputs of the current session, and it does nothing a second time on the same page.
"""

from __future__ import annotations

from ..static.render import StaticTwin

ROOT_CLASS = "brink-view"  # every live view's root element carries it
FEEDBACK_CLASS = "brink-feedback-live"  # the live region around the feedback, there before any answer

# Okabe-Ito blue: 5.2:1 on white, 4.1:1 on JupyterLab's dark background, so the ring passes 3:1 on both themes.
STYLE = f"""
.{ROOT_CLASS} :focus-visible, .{ROOT_CLASS} select:focus, .{ROOT_CLASS} textarea:focus, .{ROOT_CLASS} input:focus {{
  outline: 3px solid #0072B2 !important; outline-offset: 1px; }}
.{ROOT_CLASS} .{FEEDBACK_CLASS}:focus {{ outline: 3px solid #0072B2; }}
.{ROOT_CLASS} .widget-radio-box label, .{ROOT_CLASS} .widget-checkbox label, .{ROOT_CLASS} .widget-label-basic,
.{ROOT_CLASS} .widget-inline-hbox .widget-label {{ white-space: normal; overflow: visible; text-overflow: clip;
  height: auto; line-height: 1.35; }}
.{ROOT_CLASS} .widget-radio-box label {{ margin-bottom: 0.35em; }}
.{ROOT_CLASS} .widget-hbox {{ flex-wrap: wrap; }}
.{ROOT_CLASS} button.jupyter-button {{ min-width: max-content; }}
.{ROOT_CLASS} .widget-slider {{ min-width: min(100%, 18em); flex-wrap: wrap; height: auto; }}
.{ROOT_CLASS} .widget-readout {{ max-width: none; width: auto; overflow: visible; white-space: normal; }}
.{ROOT_CLASS} .widget-dropdown {{ width: auto; max-width: 100%; flex-wrap: wrap; height: auto; }}
.{ROOT_CLASS} .widget-dropdown > select {{ flex: 0 1 auto; width: auto; max-width: 100%; }}
.{ROOT_CLASS} .widget-html, .{ROOT_CLASS} .widget-html-content {{ max-width: 100%; min-width: 0; }}
.{ROOT_CLASS} img {{ max-width: 100%; height: auto; }}
.jp-OutputArea-output table.brink-table, .jp-OutputArea-output table.brink-source-card {{ display: block;
  max-width: 100%; overflow-x: auto; }}
"""

SCRIPT = f"""
(() => {{
  if (window.brinkFrontend) {{ return; }}
  window.brinkFrontend = 1;
  const style = document.createElement("style");
  style.textContent = {STYLE!r};
  document.head.appendChild(style);
  let asked = null;
  let groups = 0;  // the question whose Check or Commit button was just pressed
  document.addEventListener("click", (event) => {{
    const button = event.target.closest && event.target.closest(".{ROOT_CLASS} button");
    if (button && /Check|Commit/.test(button.textContent)) {{ asked = button.closest(".{ROOT_CLASS}"); }}
  }}, true);
  // ipywidgets listens for clicks on radio buttons; the arrow keys change the choice without one, so a
  // keyboard user's answer never reached the kernel. Turn the change into the click the widget expects.
  document.addEventListener("change", (event) => {{
    const radio = event.target;
    if (radio.type === "radio" && radio.closest(".{ROOT_CLASS}") && !radio.dataset.brinkClicking) {{
      radio.dataset.brinkClicking = "1";
      radio.click();
      delete radio.dataset.brinkClicking;
    }}
  }}, true);
  const name = (group) => {{
    const label = group.closest(".widget-radio") && group.closest(".widget-radio").querySelector(".widget-label");
    const title = group.closest(".brink-exercise") && group.closest(".brink-exercise").querySelector("strong");
    return ((title && title.textContent.trim()) || (label && label.textContent.trim()) || "Answer");
  }};
  const mark = () => {{
    // Lumino tests a shortcut's selector on the focused element before it looks for the mark on its parents, and
    // command-mode selectors end in ":focus", so a control must carry the mark itself (Notebook 7 takes keys in the
    // capture phase, before the view's own guard below can stop them).
    for (const control of document.querySelectorAll(
        ".{ROOT_CLASS} :is(select, input, textarea, button, [tabindex], .noUi-handle):not([data-lm-suppress-shortcuts])")) {{
      control.setAttribute("data-lm-suppress-shortcuts", "true");
    }}
    for (const view of document.querySelectorAll(".{ROOT_CLASS}:not([data-lm-suppress-shortcuts])")) {{
      view.setAttribute("data-lm-suppress-shortcuts", "true");
      // The notebook also reads arrow keys itself, outside Lumino's shortcuts: keep plain keys in the view.
      view.addEventListener("keydown", (event) => {{
        if (!event.ctrlKey && !event.metaKey && !event.altKey && !["Tab", "Escape"].includes(event.key)
            && !(event.key === "Enter" && event.shiftKey)) {{ event.stopPropagation(); }}
      }});
    }}
    for (const group of document.querySelectorAll(".{ROOT_CLASS} .widget-radio-box:not([role])")) {{
      group.setAttribute("role", "radiogroup");
      group.setAttribute("aria-label", name(group));
      groups += 1;  // one name per group, so the arrow keys move within it
      for (const radio of group.querySelectorAll("input[type=radio]:not([name])")) {{ radio.name = `brink-choice-${{groups}}`; }}
    }}
    for (const box of document.querySelectorAll(".{ROOT_CLASS} .{FEEDBACK_CLASS}:not([aria-live])")) {{
      box.setAttribute("aria-live", "polite");
      box.setAttribute("tabindex", "-1");
    }}
    for (const slider of document.querySelectorAll(".{ROOT_CLASS} .widget-slider")) {{
      const handle = slider.querySelector("[role=slider], .noUi-handle");
      const readout = slider.querySelector(".widget-readout");
      const label = slider.querySelector(".widget-label");
      if (handle && readout && handle.getAttribute("aria-valuetext") !== readout.textContent.trim()) {{
        handle.setAttribute("aria-valuetext", readout.textContent.trim());
        handle.setAttribute("aria-label", (label && label.textContent.trim()) || "Knowledge cut-off");
      }}
    }}
    if (asked) {{
      const feedback = asked.querySelector(".{FEEDBACK_CLASS}");
      if (feedback && feedback.textContent.trim()) {{ feedback.focus(); asked = null; }}
    }}
  }};
  let queued = false;
  new MutationObserver(() => {{
    if (!queued) {{ queued = true; requestAnimationFrame(() => {{ queued = false; mark(); }}); }}
  }}).observe(document.body, {{ childList: true, subtree: true, characterData: true }});
  mark();
}})();
"""

_sent = False


def ensure() -> None:
    """Send the script once per kernel; outside a kernel (a test, a script) there is no page to send it to."""
    global _sent
    if _sent:
        return
    try:
        from IPython import get_ipython
        from IPython.display import Javascript, display
    except ImportError:  # pragma: no cover - IPython comes with every kernel
        return
    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):
        return
    _sent = True
    display(Javascript(SCRIPT))


class Live(StaticTwin):
    """Mixin for every live view: its root carries :data:`ROOT_CLASS`, and the page gets the script above."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_class(ROOT_CLASS)
        ensure()
