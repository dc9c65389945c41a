/*
 * The check-in page at the door: a tap checks the person in without reloading the whole list
 * (the server sends back that person's row and the new count). If the request fails, on a weak
 * connection say, the form is simply submitted the ordinary way, which also works without this.
 */

async function submitInPlace(form, submitter) {
    const data = new FormData(form);
    if (submitter && submitter.name) {
        data.set(submitter.name, submitter.value);
    }
    const response = await fetch(window.location.pathname, {
        method: "POST",
        body: data,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
    });
    if (!response.ok) {
        throw new Error(`check-in failed: ${response.status}`);
    }
    return response.json();
}

function setUpCheckIn(list) {
    list.addEventListener("submit", async (event) => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || form.dataset.plain) {
            return; // the ordinary submission, after a failed request
        }
        if (form.dataset.sending) {
            event.preventDefault();
            return;
        }
        event.preventDefault();
        const submitter = event.submitter;
        form.dataset.sending = "1";
        try {
            const result = await submitInPlace(form, submitter);
            const row = form.closest("li");
            row.outerHTML = result.row;
            document.getElementById("check-in-summary").textContent = result.summary;
            const button = document.querySelector(`#${row.id} button`);
            if (button) {
                button.focus();
            }
        } catch {
            form.dataset.plain = "1";
            if (submitter) {
                form.requestSubmit(submitter);
            } else {
                form.submit();
            }
        }
    });
}

const list = document.querySelector(".check-in__list");
if (list) {
    setUpCheckIn(list);
}
