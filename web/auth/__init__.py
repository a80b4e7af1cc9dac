"""Web sign-in: access and refresh tokens, the request guard and the /api/auth endpoints."""
