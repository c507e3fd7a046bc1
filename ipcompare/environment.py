"""The environment variables ipcompare reads, in one place (README, "Global options")."""

#: More data files, separated like PATH.
DATA_ENV = "IPCOMPARE_DATA"
#: Where the index is kept (default: the platform's cache folder).
CACHE_ENV = "IPCOMPARE_CACHE_DIR"
#: Any value but empty or 0 reads the data files directly, as --no-cache.
NO_CACHE_ENV = "IPCOMPARE_NO_CACHE"
