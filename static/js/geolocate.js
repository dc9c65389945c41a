// "Use my location": asks the browser for the visitor's position and submits the directory
// form with it. Nothing is stored: the coordinates only travel in this one search's address.

const button = document.querySelector("[data-geolocate]");

if (button && "geolocation" in navigator) {
  const form = button.closest("form");
  const status = document.getElementById(button.dataset.statusId);
  const say = (message) => {
    if (status) status.textContent = message;
  };

  button.hidden = false;
  button.addEventListener("click", () => {
    button.disabled = true;
    say(button.dataset.waitingLabel);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        form.elements.lat.value = position.coords.latitude.toFixed(2);
        form.elements.lon.value = position.coords.longitude.toFixed(2);
        form.elements.near.value = "";
        form.submit();
      },
      () => {
        button.disabled = false;
        say(button.dataset.errorLabel);
      },
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 },
    );
  });
}
