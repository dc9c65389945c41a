/*
 * Folds the header menu behind a "Menu" button on small screens.
 * Markup: [data-nav] holding [data-nav-toggle] (a button, hidden until this runs) and
 * [data-nav-menu]. Without JavaScript the button stays hidden and the menu stays open. Where
 * scripts run, main.css (@media (scripting: enabled)) shows the button and folds the menu
 * from the first paint; this module only makes the button work.
 */

const OPEN_CLASS = "is-open";
const COLLAPSIBLE_CLASS = "site-header--collapsible";

function setUpNav(header) {
    const button = header.querySelector("[data-nav-toggle]");
    const menu = header.querySelector("[data-nav-menu]");
    if (!button || !menu) {
        return;
    }

    const setOpen = (open) => {
        button.setAttribute("aria-expanded", String(open));
        menu.classList.toggle(OPEN_CLASS, open);
    };

    header.classList.add(COLLAPSIBLE_CLASS);
    button.hidden = false;
    setOpen(false);

    button.addEventListener("click", () => {
        setOpen(button.getAttribute("aria-expanded") !== "true");
    });

    header.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && menu.classList.contains(OPEN_CLASS)) {
            setOpen(false);
            button.focus();
        }
    });
}

document.querySelectorAll("[data-nav]").forEach(setUpNav);
