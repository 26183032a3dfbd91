"""The mentor view: its share link and its passphrase encryption.

:mod:`.share` keeps the random token of the mentor link; :mod:`.crypto` encrypts
a mentor view's pages under a passphrase so that only the mentor reads them.
The pipeline derives the encrypter (:mod:`ivsite.pipeline.secrecy`).
"""
