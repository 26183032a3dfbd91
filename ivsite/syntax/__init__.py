"""Obsidian vault syntax as markdown-it plugins: callouts, ``==highlight==``,
inline ``#tags`` and ``![[embeds]]``. Each is a parser plugin only: what an
audience may see of them is decided by the audience filter, as for everything
else, on the text the cutter left (``%% comments %%`` are cut there, see
ivsite.markdown.comments)."""
