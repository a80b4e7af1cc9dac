"""Tests of the test fakes themselves."""
