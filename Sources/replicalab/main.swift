import ReplicaLabCLI

ReplicaLab.runMain()
