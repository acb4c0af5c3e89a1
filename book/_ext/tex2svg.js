// Turn TeX into SVG at build time, for book/_ext/mathsvg.py.
//
// Reads one JSON request a line on stdin, {"tex": "...", "display": true},
// and answers one JSON line on stdout for each:
//   {"svg": "<svg ...>", "speech": "x squared", "error": null}
// or, when the TeX is wrong, "error" holds MathJax's message. The first line
// written, before any request is read, is {"css": "..."}: the style sheet the
// SVG output needs, which the extension saves once into _static.
"use strict";

const readline = require("readline");
const { mathjax } = require("mathjax-full/js/mathjax.js");
const { TeX } = require("mathjax-full/js/input/tex.js");
const { SVG } = require("mathjax-full/js/output/svg.js");
const { liteAdaptor } = require("mathjax-full/js/adaptors/liteAdaptor.js");
const { RegisterHTMLHandler } = require("mathjax-full/js/handlers/html.js");
const { AllPackages } = require("mathjax-full/js/input/tex/AllPackages.js");
const { STATE } = require("mathjax-full/js/core/MathItem.js");
const { SerializedMmlVisitor } = require("mathjax-full/js/core/MmlTree/SerializedMmlVisitor.js");
const sre = require("speech-rule-engine");

const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);

// Without "noerrors" and "noundefined" a mistake in the TeX is an error we can
// report (and fail the build on), not red text quietly printed in the page.
const packages = AllPackages.filter((name) => !["noerrors", "noundefined"].includes(name));
let lastError = null;
const tex = new TeX({
  packages,
  formatError(jax, error) {
    lastError = error.message;
    return jax.formatError(error);
  },
});
// fontCache "local": each equation carries the glyphs it uses, so it stands on its own.
const svg = new SVG({ fontCache: "local" });
const html = mathjax.document("", { InputJax: tex, OutputJax: svg });
const mml = new SerializedMmlVisitor();

function render(request) {
  lastError = null;
  const options = { display: Boolean(request.display), em: 16, ex: 8, containerWidth: 1280 };
  const container = html.convert(request.tex, options);
  const root = adaptor.firstChild(container);
  let speech = "";
  if (!lastError) {
    const tree = html.convert(request.tex, { ...options, end: STATE.CONVERT });
    speech = sre.toSpeech(mml.visitTree(tree));
  }
  return { svg: adaptor.outerHTML(root), speech, error: lastError };
}

async function main() {
  await sre.setupEngine({ locale: "en", domain: "clearspeak", modality: "speech" });
  await sre.engineReady();
  process.stdout.write(JSON.stringify({ css: adaptor.textContent(svg.styleSheet(html)) }) + "\n");
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    let answer;
    try {
      answer = render(JSON.parse(line));
    } catch (error) {
      answer = { svg: "", speech: "", error: String(error && error.message) };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
  }
}

main().catch((error) => {
  process.stderr.write(`tex2svg: ${error && error.stack}\n`);
  process.exit(1);
});
