// Explorable figures: a slider switches between frames that the book's
// `neuron` package drew when the book was built. Nothing is computed here.
// The frames and their descriptions load when the figure nears the screen.
"use strict";
(() => {
  const setUp = (figure) => {
    const control = figure.querySelector(".explorable-control");
    const input = control.querySelector('input[type="range"]');
    const output = control.querySelector("output");
    const image = figure.querySelector("img.explorable-frame");
    const text = figure.querySelector(".explorable-description");
    const settings = JSON.parse(input.dataset.settings);
    const manifestUrl = new URL(figure.dataset.frames, document.baseURI);
    let frames = null;
    let loading = null;

    const load = () => {
      loading ??= fetch(manifestUrl)
        .then((response) => response.json())
        .then((manifest) => {
          frames = manifest.frames.map((name, i) => {
            const src = new URL(name, manifestUrl).href;
            new Image().src = src; // fetch it now, show it at once later
            return { src, description: manifest.descriptions[i] };
          });
        });
      return loading;
    };

    const show = () => {
      const i = Number(input.value);
      output.textContent = settings[i];
      input.setAttribute("aria-valuetext", settings[i]);
      const update = () => {
        if (Number(input.value) !== i) return; // moved on meanwhile
        image.src = frames[i].src;
        image.alt = frames[i].description;
        text.textContent = frames[i].description;
        figure.dataset.shown = String(i);
      };
      if (frames) update();
      else load().then(update);
    };

    input.addEventListener("input", show);
    control.hidden = false;
    new IntersectionObserver(
      (entries, observer) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          load();
        }
      },
      { rootMargin: "400px" },
    ).observe(figure);
  };
  document.querySelectorAll(".explorable[data-frames]").forEach(setUp);
})();
