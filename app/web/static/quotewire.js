// Quotewire's pages work without this script; it adds speaker suggestions, "copy citation" and
// "More quotes" that appends the next page in place.
"use strict";

function announce(message) {
  document.getElementById("status").textContent = message;
  setTimeout(() => { document.getElementById("status").textContent = ""; }, 3000);
}

// Leave empty fields out of the address, so it carries the same parameters as /quotes.
function submitWithoutEmptyFields(form) {
  form.addEventListener("submit", () => {
    for (const field of form.elements) {
      if (field.name && field.value === "" ) field.disabled = true;
      if (field.name === "sort" && field.value === "newest") field.disabled = true;
    }
    setTimeout(() => { for (const field of form.elements) field.disabled = false; });
  });
}

function suggestSpeakers(input) {
  const list = document.getElementById(input.getAttribute("list"));
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const typed = input.value.trim();
    if (typed.length < 2) return;
    timer = setTimeout(async () => {
      const url = input.dataset.suggest + "?limit=10&q=" + encodeURIComponent(typed);
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const { items } = await response.json();
      list.replaceChildren(...items.map((speaker) => {
        const option = document.createElement("option");
        option.value = speaker.name;
        option.label = `${speaker.name}${speaker.title ? ", " + speaker.title : ""} (${speaker.quote_count} quotes)`;
        return option;
      }));
    }, 200);
  });
}

function copyCitations(root) {
  for (const button of root.querySelectorAll("button.copy")) {
    if (!navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.citation);
        announce("Citation copied");
      } catch {
        announce("The browser did not allow copying");
      }
    });
  }
}

// "More quotes": fetch the next keyset page and append its cards; the link's address stays the fallback.
function appendMore(link) {
  link.addEventListener("click", async (event) => {
    event.preventDefault();
    const response = await fetch(link.href);
    if (!response.ok) { window.location = link.href; return; }
    const next = new DOMParser().parseFromString(await response.text(), "text/html");
    const cards = document.getElementById("cards");
    const added = [...next.querySelectorAll("#cards > li")];
    cards.append(...added);
    for (const item of added) copyCitations(item);
    const nextMore = next.querySelector("a[data-more]");
    if (nextMore) link.href = nextMore.href; else link.remove();
    if (added.length) {
      const first = added[0].querySelector("blockquote");
      first.tabIndex = -1;
      first.focus();
    }
    announce(`${added.length} more quotes`);
  });
}

// An article's quote: its explanation opens beside it, kept inside the window; Escape closes it.
function placeTip(quote) {
  const tip = quote.nextElementSibling;
  const show = () => {
    tip.style.display = "";
    const line = quote.getClientRects()[0];
    tip.style.position = "fixed";
    tip.style.top = `${line.bottom + 4}px`;
    tip.style.left = `${Math.max(8, Math.min(line.left, window.innerWidth - tip.offsetWidth - 8))}px`;
  };
  quote.addEventListener("focus", show);
  quote.addEventListener("mouseenter", show);
  quote.addEventListener("keydown", (event) => { if (event.key === "Escape") tip.style.display = "none"; });
}

document.addEventListener("DOMContentLoaded", () => {
  for (const quote of document.querySelectorAll("a.quote")) placeTip(quote);
  for (const form of document.querySelectorAll("form.search")) submitWithoutEmptyFields(form);
  for (const input of document.querySelectorAll("input[data-suggest]")) suggestSpeakers(input);
  copyCitations(document);
  for (const link of document.querySelectorAll("a[data-more]")) appendMore(link);
});
