"""The WebSocket hub: authenticated live connections receiving pushes from the bus."""
