"""The examples in the power engine's docstrings run and give what they show."""

import doctest
import importlib

import pytest

MODULES = ["", ".analysis", ".compound", ".enumeration", ".game", ".rules", ".sampling", ".weighted"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module("polycentric.engines.power" + name)
    failed, attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert attempted > 0
    assert failed == 0
