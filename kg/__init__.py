"""govkg: Chinese government news to a knowledge graph of government activity."""

__version__ = "0.1.0"
