window.__TAURI__.core.invoke("greet").then((text) => {
  document.getElementById("greeting").textContent = text;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => window.__TAURI__.core.invoke("ready")));
});
