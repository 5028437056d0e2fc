"""Questions asked of the network: views, measures, paths, brokers, what-if and evidence. Never imports picture or output."""
