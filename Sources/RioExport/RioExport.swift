import RioModel
