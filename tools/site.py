"""`make site`: the whole course as a static website, built offline with Jupyter Book 1 into build/site/.

A teacher can read every notebook (with its stored outputs: the text, the tables, the printed questions), the
course guide, each lesson guide and substitute plan, and the docs, without installing anything. The site is built
from a copy of the repository's pages in build/site-src/:

- notebooks lose their live-widget and page-script outputs, so each shows its static twin (never an empty widget
  box or "Loading widget"), and get a launch box on top: Binder, a JupyterHub link, or `make lab`;
- Markdown links to files that are not pages of the site (a data file, the Makefile) point to the repository
  when its address is known (`BRINK_SITE_REPO=owner/repo/branch`), and become plain text otherwise;
- the handout PDFs are copied in and linked from each notebook's launch box when build/handouts/ holds them
  (`make handouts` first).

Jupyter Book 1 builds offline (version 2 fetches its theme), and nothing is executed: the pages show the outputs
stored in the notebooks, which `make test` checks.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from brink.exports.handouts import EDITIONS

ROOT = Path(__file__).parents[1]
SOURCE = ROOT / "build" / "site-src"
OUT = ROOT / "build" / "site"
HANDOUTS = ROOT / "build" / "handouts"
LIVE_ONLY = ("application/vnd.jupyter.widget-view+json", "application/javascript")
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)")
PAGES = {
    "README.md": "README.md",
    "lessons": "lessons",
    "docs": "docs",
    "CONTRIBUTING.md": "CONTRIBUTING.md",
    "CHANGELOG.md": "CHANGELOG.md",
}
CONFIG = """title: "brink: one news text, read closely"
author: The brink team
copyright: "2026"
only_build_toc_files: true
execute:
  execute_notebooks: "off"
html:
  use_repository_button: false
  use_issues_button: false
  use_edit_page_button: false
launch_buttons:
  notebook_interface: jupyterlab
  binderhub_url: ""
  jupyterhub_url: ""
  thebe: false
  colab_url: ""
sphinx:
  config:
    html_show_sourcelink: false
    suppress_warnings: ["myst.header"]
    myst_heading_anchors: 4
"""


def repository() -> str | None:
    """``owner/repo/branch`` of the published repository, when the builder knows it (the Pages workflow sets it)."""
    value = os.environ.get("BRINK_SITE_REPO", "").strip().strip("/")
    return value if value.count("/") == 2 else None


def launch_box(notebook: str, handouts: set[str]) -> str:
    repo = repository()
    path = f"notebooks/{notebook}.ipynb"
    if repo:
        owner, name, branch = repo.split("/")
        binder = f"[Open on Binder](https://mybinder.org/v2/gh/{owner}/{name}/{branch}?urlpath=lab/tree/{path})"
        hub = (f"`https://<your-hub>/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2F{owner}%2F{name}"
               f"&branch={branch}&urlpath=lab%2Ftree%2F{name}%2F{path.replace('/', '%2F')}`")
    else:
        binder = f"`https://mybinder.org/v2/gh/<owner>/<repo>/<branch>?urlpath=lab/tree/{path}`"
        hub = "the nbgitpuller link in the README, with this notebook's path"
    lines = ["```{admonition} Run this notebook", ":class: tip", "",
             "This page shows the notebook as it prints, with no live controls. To answer its questions:", "",
             f"- **Binder** (nothing to install; nothing is saved): {binder}",
             f"- **Your school's JupyterHub:** {hub}",
             "- **Your own computer:** clone the repository, then `make lab` (see the README).", ""]
    for edition, label in EDITIONS.items():
        name = f"{notebook}-{edition}.pdf"
        if name in handouts:
            lines.append(f"- **{label} to print (PDF):** [{name}](../handouts/{name})")
    return "\n".join([*lines, "```"])


def _notebook(path: Path, target: Path, handouts: set[str]) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            for mime in LIVE_ONLY:
                output.get("data", {}).pop(mime, None)
        cell["outputs"] = [o for o in cell.get("outputs", []) if o.get("output_type") != "display_data" or o.get("data")]
        if cell.cell_type == "markdown":  # JupyterLab's heading ids keep their case ("#The-text"); MyST's do not
            cell.source = re.sub(r"\]\(#([^)]+)\)", lambda m: f"](#{m.group(1).lower()})", cell.source)
    nb.metadata.pop("widgets", None)
    title = next((i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and c.source.startswith("# ")), -1)
    nb.cells.insert(title + 1, nbformat.v4.new_markdown_cell(launch_box(path.stem, handouts)))
    nbformat.write(nb, target)


def _links(text: str, page: Path, pages: set[Path]) -> str:
    """Markdown links to files that are not pages of the site: to the repository, or plain text."""
    repo = repository()

    def mend(match: re.Match) -> str:
        label, href = match.groups()
        if re.match(r"^[a-z]+:|^#", href):
            return match.group(0)
        target = (page.parent / href.split("#")[0]).resolve()
        if target in pages or target.suffix == ".pdf":
            return match.group(0)
        if repo:
            owner, name, branch = repo.split("/")
            inside = target.relative_to(SOURCE.resolve()).as_posix() if target.is_relative_to(SOURCE.resolve()) else href
            return f"[{label}](https://github.com/{owner}/{name}/blob/{branch}/{inside})"
        return label

    return LINK.sub(mend, text)


def _toc(notebooks: list[str]) -> str:
    guides = sorted(p.stem for p in (ROOT / "lessons").glob("*.md") if p.stem != "README")
    subs = sorted(p.stem for p in (ROOT / "lessons" / "substitute").glob("*.md"))
    lines = ["format: jb-book", "root: README", "parts:",
             "- caption: The course", "  chapters:", "  - file: lessons/README",
             *(f"  - file: notebooks/{n}" for n in notebooks),
             "- caption: Teacher guides", "  chapters:", *(f"  - file: lessons/{g}" for g in guides),
             "- caption: Plans for a substitute", "  chapters:", *(f"  - file: lessons/substitute/{s}" for s in subs),
             "- caption: For maintainers", "  chapters:", "  - file: docs/data", "  - file: docs/exercises",
             "  - file: CONTRIBUTING", "  - file: CHANGELOG"]
    return "\n".join(lines) + "\n"


def build() -> Path:
    """Write the site's source to build/site-src and the site to build/site; returns build/site/index.html."""
    shutil.rmtree(SOURCE, ignore_errors=True)
    (SOURCE / "notebooks").mkdir(parents=True)
    handouts = {p.name for p in HANDOUTS.glob("*.pdf")} if HANDOUTS.is_dir() else set()
    if handouts:  # pages of the site link them; Sphinx copies each linked file into the site
        (SOURCE / "handouts").mkdir()
        for name in handouts:
            shutil.copy(HANDOUTS / name, SOURCE / "handouts" / name)
    notebooks = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    for name in notebooks:
        _notebook(ROOT / "notebooks" / f"{name}.ipynb", SOURCE / "notebooks" / f"{name}.ipynb", handouts)
    for source, target in PAGES.items():
        if (ROOT / source).is_dir():
            shutil.copytree(ROOT / source, SOURCE / target)
        else:
            shutil.copy(ROOT / source, SOURCE / target)
    pages = {p.resolve() for p in SOURCE.rglob("*") if p.suffix in (".md", ".ipynb")}
    for page in SOURCE.rglob("*.md"):
        page.write_text(_links(page.read_text(encoding="utf-8"), page, pages), encoding="utf-8")
    (SOURCE / "_config.yml").write_text(CONFIG, encoding="utf-8")
    (SOURCE / "_toc.yml").write_text(_toc(notebooks), encoding="utf-8")
    built = SOURCE / "_out"
    result = subprocess.run([str(Path(sys.executable).with_name("jupyter-book")), "build", str(SOURCE), "--path-output",
                             str(built), "--warningiserror", "--keep-going", "--quiet"],
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise SystemExit(f"The site did not build; Jupyter Book said:\n{tail}")
    shutil.rmtree(OUT, ignore_errors=True)
    shutil.copytree(built / "_build" / "html", OUT)
    return OUT / "index.html"


if __name__ == "__main__":
    print(f"Site written: {build()}")
