"""JavaScript run inside streamlit-folium's iframe (``window.map`` is the Leaflet map)."""

FEATURE_IDS = """
() => Object.values(window.map._layers)
    .filter(l => l.feature && l.options.interactive !== false && l.feature.geometry
                 && l.feature.geometry.type !== 'Point')
    .map(l => String(l.feature.id))
"""

# Zoom to a jurisdiction's polygon and find a pixel where that polygon is the topmost element
# (not a city inside it, not its marker), so that a real mouse click lands on it.
CLICK_POINT = """
(id) => {
    const layer = Object.values(window.map._layers).find(
        l => l.feature && String(l.feature.id) === id && l._path);
    if (!layer) return null;
    window.map.fitBounds(layer.getBounds(), {animate: false});
    const box = layer._path.getBoundingClientRect();
    for (let fy = 0.5, i = 0; i < 9; i++, fy = 0.1 + 0.1 * i) {
        for (let fx = 0.5, k = 0; k < 9; k++, fx = 0.1 + 0.1 * k) {
            const x = box.left + box.width * fx, y = box.top + box.height * fy;
            if (document.elementFromPoint(x, y) === layer._path) return {x, y};
        }
    }
    return null;
}
"""
