"""Stage 3 — validate: every rule of the contract, all problems at once.

:mod:`.stage` checks each note against the models (one note alone:
:mod:`.note`) and hands on
:class:`~ivsite.markdown.notes.ValidSite`; the rules that need a module of their
own are here: site.toml (:mod:`.config`), links and embeds
(:mod:`.references`, :mod:`.embedding`, :mod:`.linkhints`, :mod:`.causes`),
consent across notes (:mod:`.consent`, :mod:`.publicrecorded`), privacy
switches written where ivsite does not read them (:mod:`.bodyprivacy`,
:mod:`.bodymarkers`, :mod:`.frontmarkers`, :mod:`.settingforms`,
:mod:`.printedtexts`), the question bank (:mod:`.questionsfile`), recordings
(:mod:`.recordings`) and fallback titles and dates (:mod:`.fallback`).

Validation refuses: a build with an error publishes nothing. It imports no
later stage.
"""
