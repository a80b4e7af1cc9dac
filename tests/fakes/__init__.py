"""Local fakes of external services, started by tests over real network protocols."""
