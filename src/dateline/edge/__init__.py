"""The edge: a page cache in front of Django, surrogate-key invalidation and CDN purges."""
