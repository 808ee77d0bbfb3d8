"""The Streamlit side of Sanctuary Map: data helpers, the map builder and the one cache."""
