"""Pictures of sky events drawn offline: the Moon's phase and eclipse maps (PNG, WebP, JPEG)."""
