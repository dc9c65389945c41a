from .directory import DirectorySearchForm

__all__ = ["DirectorySearchForm"]
