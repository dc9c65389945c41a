// "Use my location": the browser finds the visitor's position, picks the nearest postal area
// (first three characters of a postal code) from the list the directory serves, and submits the
// form with that area, as if typed. The exact position never leaves the device.

const button = document.querySelector("[data-geolocate]");

function nearestArea(areas, latitude, longitude) {
  const scale = Math.cos((latitude * Math.PI) / 180);
  let best = null;
  let bestDistance = Infinity;
  for (const [code, areaLatitude, areaLongitude] of areas) {
    const dx = (areaLongitude - longitude) * scale;
    const dy = areaLatitude - latitude;
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      best = code;
      bestDistance = distance;
    }
  }
  return best;
}

if (button && "geolocation" in navigator && "fetch" in window) {
  const form = button.closest("form");
  const status = document.getElementById(button.dataset.statusId);
  const say = (message) => {
    if (status) status.textContent = message;
  };
  const fail = () => {
    button.disabled = false;
    say(button.dataset.errorLabel);
  };

  button.hidden = false;
  button.addEventListener("click", () => {
    button.disabled = true;
    say(button.dataset.waitingLabel);
    const areas = fetch(button.dataset.areasUrl).then((response) => {
      if (!response.ok) throw new Error(response.statusText);
      return response.json();
    });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        areas
          .then((list) => {
            const code = nearestArea(list, position.coords.latitude, position.coords.longitude);
            if (!code) throw new Error("no postal area");
            form.elements.near.value = code;
            form.submit();
          })
          .catch(fail);
      },
      fail,
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 },
    );
  });
}
