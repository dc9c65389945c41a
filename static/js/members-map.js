// Enhances the MAS directory and MAS pages with a Leaflet map of the schools already listed in
// the page. The list stays the primary, accessible view; without JavaScript nothing is lost.
// Leaflet (and the marker-cluster plug-in) are loaded as deferred classic scripts before this
// module: deferred and module scripts run in document order once the page is parsed, so L is set.

const container = document.querySelector("[data-members-map]");

function popupContent(school, labels) {
  const wrapper = document.createElement("div");
  const link = document.createElement("a");
  link.href = school.url;
  link.textContent = school.name;
  wrapper.append(link);
  const details = [school.city];
  if (school.distance_km !== null && school.distance_km !== undefined) {
    details.push(labels.distance.replace("%s", school.distance_km.toLocaleString(document.documentElement.lang)));
  }
  const line = document.createElement("div");
  line.textContent = details.filter(Boolean).join(" · ");
  wrapper.append(line);
  return wrapper;
}

function clusterIcon(cluster, labels) {
  const count = cluster.getChildCount();
  const size = count < 10 ? "small" : count < 100 ? "medium" : "large";
  return window.L.divIcon({
    html: `<div><span aria-hidden="true">${count}</span><span class="visually-hidden">${labels.cluster.replace("%s", count)}</span></div>`,
    className: `marker-cluster marker-cluster-${size}`,
    iconSize: window.L.point(40, 40),
  });
}

function initMap() {
  const L = window.L;
  const data = JSON.parse(document.getElementById(container.dataset.markersId).textContent);
  const labels = { distance: container.dataset.distanceLabel, cluster: container.dataset.clusterLabel };
  const icon = L.icon({
    iconUrl: container.dataset.iconUrl,
    iconRetinaUrl: container.dataset.iconRetinaUrl,
    shadowUrl: container.dataset.shadowUrl,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    shadowSize: [41, 41],
  });

  container.hidden = false;
  const map = L.map(container, { scrollWheelZoom: false });
  L.tileLayer(container.dataset.tileUrl, { attribution: container.dataset.attribution, maxZoom: 18 }).addTo(map);

  const group =
    typeof L.markerClusterGroup === "function"
      ? L.markerClusterGroup({ iconCreateFunction: (cluster) => clusterIcon(cluster, labels), maxClusterRadius: 40 })
      : L.featureGroup();
  const bounds = [];
  for (const school of data.schools) {
    if (school.lat === null || school.lon === null) continue;
    const marker = L.marker([school.lat, school.lon], { icon, title: school.name, alt: school.name, keyboard: true });
    marker.bindPopup(() => popupContent(school, labels));
    group.addLayer(marker);
    bounds.push([school.lat, school.lon]);
  }
  map.addLayer(group);

  if (data.origin) {
    L.circleMarker([data.origin.lat, data.origin.lon], { radius: 8, weight: 3, color: "#b3261e", fillOpacity: 0.4 })
      .bindTooltip(container.dataset.originLabel)
      .addTo(map);
    bounds.push([data.origin.lat, data.origin.lon]);
  }
  if (bounds.length === 1) {
    map.setView(bounds[0], 13);
  } else if (bounds.length > 1) {
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 13 });
  } else {
    // Nothing to show: frame Quebec's populated south.
    map.setView([46.8, -71.9], 6);
  }
}

if (container && window.L) {
  initMap();
}
