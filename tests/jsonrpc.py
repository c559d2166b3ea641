"""A small JSON-RPC client that talks to Odoo as a logged-in user, as integrations do."""

import itertools

import requests


class RpcError(Exception):
    """An error answered by the server; `name` is the exception class, e.g. odoo.exceptions.AccessError."""

    def __init__(self, error):
        data = error.get("data") or {}
        self.name = data.get("name", "")
        self.message = data.get("message") or error.get("message", "")
        super().__init__(f"{self.name}: {self.message}")


class OdooClient:
    def __init__(self, base_url, db):
        self.base_url = base_url
        self.db = db
        self.session = requests.Session()
        self.uid = None
        self._ids = itertools.count(1)

    def _post(self, path, params):
        payload = {"jsonrpc": "2.0", "method": "call", "id": next(self._ids), "params": params}
        response = self.session.post(self.base_url + path, json=payload, timeout=60)
        response.raise_for_status()
        body = response.json()
        if "error" in body:
            raise RpcError(body["error"])
        return body.get("result")  # Odoo leaves "result" out when the method returns None

    def login(self, login, password):
        result = self._post(
            "/web/session/authenticate", {"db": self.db, "login": login, "password": password}
        )
        self.uid = result["uid"]
        return self

    def call(self, model, method, *args, **kwargs):
        return self._post(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )
